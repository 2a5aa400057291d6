"""bulk_import"""
