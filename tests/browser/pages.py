"""The pages every browser check visits, by the name their screenshots take."""

PUBLIC_PAGES = {
    "home": "/",
    "petition-list": "/petitions/",
    "search-results": "/search/?q=Canada",
    "petition": "/petitions/e-2829/",
    "member": "/members/chandra-arya/",
    "subject": "/subjects/health/",
    "session": "/sessions/451/",
    "petition-with-signatures": "/petitions/e-90003/",
    "statistics": "/statistics/",
    "statistics-fr": "/fr/statistics/",
}
ADMIN_PETITION_FORM = "/admin/petitions/petition/add/"
