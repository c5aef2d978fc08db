"""The console (SPEC §13): server-rendered pages on the same services as /v1, at /console/."""
