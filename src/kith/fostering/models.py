"""Records of this area; they arrive with its actions."""
