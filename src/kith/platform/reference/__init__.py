"""Code sets the Department for Education's returns use, so data is recorded in their vocabulary."""
