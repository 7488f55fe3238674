/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-user.h"

G_BEGIN_DECLS

/* Which people of the directory a search shows, besides the text. */
typedef enum
{
  PV_USER_SEARCH_EVERYONE,
  PV_USER_SEARCH_NOT_ENABLED,
  PV_USER_SEARCH_ENABLED,
  PV_USER_SEARCH_SYNCHRONISED,
  PV_USER_SEARCH_CLOUD_ONLY,
} PvUserSearchKind;

#define PV_TYPE_USER_SEARCH (pv_user_search_get_type ())

G_DECLARE_FINAL_TYPE (PvUserSearch, pv_user_search, PV, USER_SEARCH, GObject)

PvUserSearch     *pv_user_search_new        (GListModel       *directory);
void              pv_user_search_set_text   (PvUserSearch     *self,
                                             const char       *text);
const char       *pv_user_search_get_text   (PvUserSearch     *self);
void              pv_user_search_set_kind   (PvUserSearch     *self,
                                             PvUserSearchKind  kind);
PvUserSearchKind  pv_user_search_get_kind   (PvUserSearch     *self);
guint             pv_user_search_get_pending (PvUserSearch    *self);

G_END_DECLS
