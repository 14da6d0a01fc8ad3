// SkyplanBudget: see DESIGN.md §3.
