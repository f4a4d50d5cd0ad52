"""The translation workflow on top of wagtail-localize: which models are
translated (``registry``), the status report (``status``), PO export/import
(``po``), the admin views (``views``), locale-aware pickers (``choosers``)
and synchronised links that follow the page's locale (``relations``, run by
``core/patches/synchronised_links.py``)."""
