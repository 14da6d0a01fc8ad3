// SkyplanDiscovery: see DESIGN.md §3.
