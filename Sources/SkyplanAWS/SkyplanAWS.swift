// SkyplanAWS: see DESIGN.md §3.
