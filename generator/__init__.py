"""Policy handbook generator: load -> validate -> model -> render -> write."""
