// AWSSigV4: see DESIGN.md §3.
