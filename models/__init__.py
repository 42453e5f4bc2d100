"""ruextract's own data: lexicons, grammar tables, trained weights (read via ruextract.resources.models_dir())."""
