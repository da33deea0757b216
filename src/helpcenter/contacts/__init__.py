"""Normalisation tables of contact details, shared by the guard and the verifier."""
