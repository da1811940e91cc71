"""The programs app's views, one module per area of the site."""
