"""Rebill: batch re-invoicing of support time."""
