"""desktop_alerts"""
