"""The pages every browser check visits, by the name their screenshots take."""

PUBLIC_PAGES = {
    "home": "/",
    "petition-list": "/petitions/",
    "search-results": "/search/?q=Canada",
    "petition": "/petitions/e-2829/",
    "member": "/members/chandra-arya/",
}
ADMIN_PETITION_FORM = "/admin/petitions/petition/add/"
