"""alert_subscriptions"""
