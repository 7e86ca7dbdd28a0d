"""ui.pages"""
