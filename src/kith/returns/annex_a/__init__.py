"""Ofsted's Annex A for an inspection of local authority children's services (ILACS): the eleven lists of
children (and adopters) an inspection starts from, written as the Excel workbook Ofsted's template sets out.

Like the CIN census and the SSDA903, it is a plain read of what the areas recorded, as it stood on the
inspection date: nothing is re-keyed, cleaned or made up. A column Kith does not record is left blank
where Ofsted's template allows it (docs/domain/returns.md lists each). ``kith returns annex-a --on DATE
--out FILE.xlsx`` writes it.
"""

from kith.returns.annex_a.workbook import AnnexA, build_annex_a

__all__ = ["AnnexA", "build_annex_a"]
