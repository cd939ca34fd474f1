"""Month and week views of interviews, letter deadlines and calls."""
