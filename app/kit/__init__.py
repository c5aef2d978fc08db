"""Small shared pieces: ids, money, pagination, time."""
