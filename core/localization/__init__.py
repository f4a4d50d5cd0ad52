"""The translation workflow on top of wagtail-localize: which models are
translated and how (``registry``), the status report (``status``), PO
export/import (``po``), the admin views (``views``) and a machine translator
for tests (``machine``)."""
