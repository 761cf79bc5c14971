'use strict';
// Names each select2 box (an autocomplete field) after its field's label, which
// select2 does not do: a screen reader would announce a nameless combobox.
{
    const $ = django.jQuery;

    function nameAutocompleteBoxes(root) {
        root.querySelectorAll('select.admin-autocomplete').forEach((select) => {
            const label = document.querySelector(`label[for="${select.id}"]`);
            const container = select.nextElementSibling;
            if (!label || !container || !container.classList.contains('select2')) {
                return;
            }
            label.id = label.id || `${select.id}_label`;
            const rendered = container.querySelector('.select2-selection__rendered');
            const combobox = container.querySelector('[role="combobox"]');
            if (combobox && rendered) {
                // The box, then the choice it shows: "Subject: Foreign affairs".
                combobox.setAttribute('aria-labelledby', `${label.id} ${rendered.id}`);
                rendered.setAttribute('aria-labelledby', label.id);
            }
            container.querySelectorAll('.select2-search__field').forEach((field) => {
                field.setAttribute('aria-labelledby', label.id);
            });
        });
    }

    // Registered after the admin's autocomplete.js, so runs once select2 is drawn.
    $(() => nameAutocompleteBoxes(document));
    document.addEventListener('formset:added', (event) => nameAutocompleteBoxes(event.target));
    // select2 draws a multiple choice's search box again after each change.
    $(document).on('change', 'select.admin-autocomplete', () => nameAutocompleteBoxes(document));
}
