"""The Qt side of DMU Board: window, canvas, panels. Nothing outside gui/ imports it."""
