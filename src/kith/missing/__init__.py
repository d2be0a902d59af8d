"""Missing and away-from-placement episodes, return home interviews and exploitation risk."""
