/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pv_cli_list_users   (int argc, char **argv);
int pv_cli_list_pools   (int argc, char **argv);
int pv_cli_list_domains (int argc, char **argv);

G_END_DECLS
