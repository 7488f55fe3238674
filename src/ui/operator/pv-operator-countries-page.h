/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-operator-flow.h"
#include "pv-page.h"

G_BEGIN_DECLS

#define PV_TYPE_OPERATOR_COUNTRIES_PAGE (pv_operator_countries_page_get_type ())

G_DECLARE_FINAL_TYPE (PvOperatorCountriesPage, pv_operator_countries_page, PV, OPERATOR_COUNTRIES_PAGE, PvPage)

PvPage *pv_operator_countries_page_new (PvOperatorFlow *flow);

G_END_DECLS
