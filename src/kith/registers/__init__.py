"""Private fostering arrangements, and the registers of children missing education and in elective home education."""
