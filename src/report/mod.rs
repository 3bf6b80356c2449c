//! Renderers of a [`Report`](crate::Report): JSON, Markdown and a self-contained HTML page.
