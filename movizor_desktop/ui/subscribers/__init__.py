"""The subscriber list: table model, filter proxy, badges, delegate and the list widget."""
