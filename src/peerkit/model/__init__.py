"""Record types and their JSON Schemas."""
