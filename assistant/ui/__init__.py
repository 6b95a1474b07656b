"""The page: the Gradio app (the only gradio import), its handlers, rendering, sessions and state, and the server that starts it."""
