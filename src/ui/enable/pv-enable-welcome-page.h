/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

#define PV_TYPE_ENABLE_WELCOME_PAGE (pv_enable_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableWelcomePage, pv_enable_welcome_page, PV, ENABLE_WELCOME_PAGE, PvPage)

PvPage *pv_enable_welcome_page_new (void);

G_END_DECLS
