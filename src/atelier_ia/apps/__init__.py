"""One ipywidgets app per workshop; workshop notebooks only display them."""
