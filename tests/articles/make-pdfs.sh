#!/bin/sh
# Remakes the PDF fixtures (Debian: apt-get install groff ghostscript).
# two-columns.pdf: groff's ms macros in two columns (.2C), a running header ("The Northern Review",
# "Vol. 12, No. 3") and page numbers on pages 2-3, words hyphenated at line ends, Title/Author in
# the document information. three-columns.pdf: ms's .MC in three columns on short pages, the date
# printed under the author ("Published 14 March 2024") and another in CreationDate. The bad ones go to ../bad/: the same PDF encrypted with a password, and
# scanned (its pages as pictures only, no text).
set -e
cd "$(dirname "$0")"
groff -ms -Tps two-columns.ms > /tmp/two-columns.ps
ps2pdf -sPAPERSIZE=a4 /tmp/two-columns.ps two-columns.pdf
groff -ms -Tps three-columns.ms > /tmp/three-columns.ps
ps2pdf -sPAPERSIZE=a4 /tmp/three-columns.ps three-columns.pdf
gs -q -sDEVICE=pdfwrite -sOwnerPassword=teacher -sUserPassword=student \
   -o ../bad/encrypted.pdf two-columns.pdf
gs -q -sDEVICE=pdfimage8 -r30 -o ../bad/scanned.pdf two-columns.pdf
