"""Small widgets shared by the window and its dialogs: pickers, fields, badges."""
