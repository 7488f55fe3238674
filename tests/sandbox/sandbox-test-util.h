/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "pv-sandbox-server.h"

G_BEGIN_DECLS

/* A sandbox on an ephemeral port over a fresh state in a temporary
 * folder, and a libsoup client talking to it over HTTP. */
typedef struct
{
  char            *folder;
  char            *state;
  PvSandboxServer *server;
  SoupSession     *session;
} SandboxFixture;

typedef struct
{
  guint     status;
  JsonNode *body;
  GBytes   *raw;
  SoupMessageHeaders *headers;
  GError   *error;
} Reply;

void        sandbox_fixture_open   (SandboxFixture *fixture,
                                    guint           generated_users,
                                    const char     *faults);
void        sandbox_fixture_close  (SandboxFixture *fixture);
Reply      *sandbox_call           (SandboxFixture *fixture,
                                    const char     *method,
                                    const char     *path,
                                    const char     *body,
                                    gboolean        eventual);
Reply      *sandbox_call_url       (SandboxFixture *fixture,
                                    const char     *method,
                                    const char     *url,
                                    const char     *body,
                                    gboolean        eventual);
void        reply_free             (Reply          *reply);
const char *reply_error_code       (Reply          *reply);
const char *reply_string           (Reply          *reply,
                                    const char     *member);
JsonArray  *reply_value            (Reply          *reply);
char       *sandbox_find_user_id   (SandboxFixture *fixture,
                                    const char     *display_name_prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

G_END_DECLS
