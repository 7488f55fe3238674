/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The company sizes the Connect an operator flow offers, as ranges of
 * employees. */
guint        pv_company_size_n_ranges    (void);
const char  *pv_company_size_range_label (guint index);
int          pv_company_size_range_value (guint index);
guint        pv_company_size_find_range  (int   company_size);
const char  *pv_company_size_label       (int   company_size);

G_END_DECLS
