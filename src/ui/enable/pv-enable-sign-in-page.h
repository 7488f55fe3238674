/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvEnableFlow PvEnableFlow;

#define PV_TYPE_ENABLE_SIGN_IN_PAGE (pv_enable_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableSignInPage, pv_enable_sign_in_page, PV, ENABLE_SIGN_IN_PAGE, PvPage)

PvPage *pv_enable_sign_in_page_new (PvEnableFlow *flow);

G_END_DECLS
