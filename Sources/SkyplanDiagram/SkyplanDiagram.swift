// SkyplanDiagram: see DESIGN.md §3.
