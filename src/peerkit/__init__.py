"""Peerkit: publish peer-support stories, tips and a group directory as a static site."""

__version__ = "0.1.0"
