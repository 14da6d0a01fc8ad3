// SkyplanLive: see DESIGN.md §3.
