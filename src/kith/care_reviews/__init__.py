"""Reviews of children in care chaired by the independent reviewing officer, and the IRO's challenges."""
