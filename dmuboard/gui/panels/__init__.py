"""The panels beside the canvas: the palette, the inspector, the findings and the find bar."""
