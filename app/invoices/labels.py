"""Every word the invoice PDF prints that is not the tenant's or the customer's data, in each
language a tenant may choose (`settings.language`), and the mentions French law asks of a B2B
invoice (Code de commerce L441-9, L441-10 and D441-5; CGI art. 242 nonies A).

The two tables have the same keys: tests/test_invoice_labels.py checks it, so a label added in one
language only fails a test rather than printing a KeyError or an English word on a French invoice."""

from datetime import date

LANGUAGES = ("en", "fr")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "invoice": "Invoice",
        "credit_note": "Credit note",
        "draft": "DRAFT",
        "draft_invoice": "Draft invoice",
        "draft_credit_note": "Draft credit note",
        "issue_date": "Issue date",
        "due_date": "Due date",
        "credits_invoice": "Credits invoice",
        "credits_invoices": "Credits invoices",
        "credits_sentence": "This credit note credits invoice",
        "credits_sentence_plural": "This credit note credits invoices",
        "reason": "Reason:",
        "bill_to": "Bill to",
        "description": "Description",
        "quantity": "Quantity",
        "unit": "Unit",
        "unit_price": "Unit price",
        "amount": "Amount",
        "tax_rate": "Tax rate",
        "base": "Base",
        "tax": "Tax",
        "untaxed_amount": "Untaxed amount",
        "total": "Total",
        "tax_exemption": "Tax exemption",
        "tax_exemption_colon": "Tax exemption:",
        "payment_terms": "Payment terms",
        "on_receipt": "on receipt",
        "day": "day",
        "days": "days",
        "bank_details": "Bank details",
        "conditions_of_sale": "Conditions of sale",
        "late_payment_penalties": "Late payment penalties",
        "early_payment_discount": "Early payment discount",
        "page": "Page",
        "period": "Period from {start} to {end}",
        "vat_number": "VAT number",
        "siren": "SIREN",
        "company_id": "Company id",
        "recovery_indemnity": "Fixed indemnity for recovery costs",
        "recovery_indemnity_text": ("In case of late payment, a fixed indemnity of 40 € for recovery costs is due "
                                    "(French Commercial Code, articles L441-10 and D441-5)."),
        "default_late_penalties": ("Three times the French legal interest rate, due from the day after the due "
                                   "date without any reminder being needed."),
        "default_early_discount": "No discount for early payment.",
    },
    "fr": {
        "invoice": "Facture",
        "credit_note": "Avoir",
        "draft": "BROUILLON",
        "draft_invoice": "Facture brouillon",
        "draft_credit_note": "Avoir brouillon",
        "issue_date": "Date d'émission",
        "due_date": "Date d'échéance",
        "credits_invoice": "Facture créditée",
        "credits_invoices": "Factures créditées",
        "credits_sentence": "Cet avoir porte sur la facture",
        "credits_sentence_plural": "Cet avoir porte sur les factures",
        "reason": "Motif :",
        "bill_to": "Facturé à",
        "description": "Désignation",
        "quantity": "Quantité",
        "unit": "Unité",
        "unit_price": "Prix unitaire HT",
        "amount": "Montant HT",
        "tax_rate": "Taux de TVA",
        "base": "Base HT",
        "tax": "TVA",
        "untaxed_amount": "Total HT",
        "total": "Total TTC",
        "tax_exemption": "Exonération de TVA",
        "tax_exemption_colon": "Exonération de TVA :",
        "payment_terms": "Conditions de paiement",
        "on_receipt": "à réception",
        "day": "jour",
        "days": "jours",
        "bank_details": "Coordonnées bancaires",
        "conditions_of_sale": "Conditions générales de vente",
        "late_payment_penalties": "Pénalités de retard",
        "early_payment_discount": "Escompte pour paiement anticipé",
        "page": "Page",
        "period": "Période du {start} au {end}",
        "vat_number": "N° TVA intracommunautaire",
        "siren": "SIREN",
        "company_id": "Identifiant",
        "recovery_indemnity": "Indemnité forfaitaire pour frais de recouvrement",
        "recovery_indemnity_text": ("En cas de retard de paiement, une indemnité forfaitaire de 40 € pour frais de "
                                    "recouvrement est due (articles L441-10 et D441-5 du Code de commerce)."),
        "default_late_penalties": ("Trois fois le taux d'intérêt légal, exigibles dès le lendemain de la date "
                                   "d'échéance sans qu'un rappel soit nécessaire."),
        "default_early_discount": "Pas d'escompte pour paiement anticipé.",
    },
}


# Units products are commonly sold in, as a French invoice prints them; a unit not listed is the
# tenant's own word and prints as written.
UNITS = {"fr": {"hour": "heure", "hours": "heures", "day": "jour", "days": "jours", "minute": "minute",
                "month": "mois", "week": "semaine", "year": "an", "piece": "pièce", "unit": "unité"}}


def unit_text(language: str, unit: str) -> str:
    return UNITS.get(language, {}).get(unit, unit)


# What a batch writes on an invoice's lines, in the tenant's language when it writes them (kept as
# written: the invoice never changes). Used by app/invoicing/planning.py, which stays pure.
WORK_ITEM_TYPES = {
    "en": {"ticket": "Ticket", "work_order": "Work order", "delivery_note": "Delivery note",
           "business_order": "Business order", "contract": "Contract"},
    "fr": {"ticket": "Ticket", "work_order": "Ordre de travail", "delivery_note": "Bon de livraison",
           "business_order": "Commande", "contract": "Contrat"},
}
LINE_PHRASES = {
    "en": {"entry": "{label} {reference} of {day} at {time}", "by": " by {name}",
           "retainer": "Retainer — {name} — {start} to {end}", "block": "Block of {hours} hours — {name}",
           "credits": "Credits {numbers}", "adjustment": "Adjustment of billed time"},
    "fr": {"entry": "{label} {reference} du {day} à {time}", "by": " par {name}",
           "retainer": "Forfait — {name} — du {start} au {end}", "block": "Bloc de {hours} heures — {name}",
           "credits": "Avoir sur {numbers}", "adjustment": "Correction du temps facturé"},
}


def work_item_type_text(language: str, work_item_type: str) -> str:
    return WORK_ITEM_TYPES.get(language, WORK_ITEM_TYPES["en"]).get(work_item_type, work_item_type)


def line_phrase(language: str, key: str) -> str:
    return LINE_PHRASES.get(language, LINE_PHRASES["en"])[key]


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def period_text(language: str, start: date, end: date) -> str:
    return labels(language)["period"].format(start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")


def payment_terms_text(language: str, days: int) -> str:
    words = labels(language)
    if days == 0:
        return words["on_receipt"]
    return f"{days} {words['day'] if days == 1 else words['days']}"


def grouped(digits: str) -> str:
    """A SIREN printed as people read it: 123 456 782 (a SIRET: 123 456 782 00012)."""
    if digits.isdigit() and len(digits) == 9:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    if digits.isdigit() and len(digits) == 14:
        return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"
    return digits
