"""Herald: a self-hosted news portal."""
