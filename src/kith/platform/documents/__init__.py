"""Documents for families: accessible (tagged, PDF/UA) PDFs rendered from Kith's templates."""
