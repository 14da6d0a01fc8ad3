// SkyplanRender: see DESIGN.md §3.
