"""client_links"""
