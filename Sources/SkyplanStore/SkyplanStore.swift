// SkyplanStore: see DESIGN.md §3.
