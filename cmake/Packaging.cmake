# Debian packages (scripts/package; docs/operations.md, "Installing and running"):
#   fupin-county-server    county-server, its systemd unit, /etc/fupin/county-server.conf, the user fupin and
#                          /var/lib/fupin for the SQLite archive (packaging/debian/postinst); the schema's
#                          migrations are built into the program
#   fupin-township-client  township-client and, where it was built, township-desktop
# Library dependencies are read from the programs (dpkg-shlibdeps); the fonts the printed documents need are named.
install(TARGETS county-server RUNTIME DESTINATION bin COMPONENT server)
install(FILES packaging/county-server.service DESTINATION lib/systemd/system COMPONENT server)
install(FILES packaging/county-server.conf DESTINATION /etc/fupin COMPONENT server)
install(FILES docs/operations.md docs/security.md DESTINATION share/doc/fupin-county-server COMPONENT server)
install(TARGETS township-client RUNTIME DESTINATION bin COMPONENT client)
if(FUPIN_BUILD_DESKTOP)
  install(TARGETS township-desktop RUNTIME DESTINATION bin COMPONENT client)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fupin)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "County poverty alleviation office IT <it@fupin.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fupin: the county's poverty-alleviation household archive (扶贫对象建档立卡)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_SOURCE_DIR}/build/packages)
set(CPACK_COMPONENTS_ALL server client)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME fupin-county-server)
set(CPACK_DEBIAN_SERVER_DESCRIPTION "county-server, the county poverty office's server of the electronic archive (one file per household) over mutual TLS: the identification procedure, assistance and follow-up, printed archives and the change feed, on SQLite or MariaDB.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, fonts-wqy-microhei, fonts-hanazono")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "mariadb-server, mariadb-backup")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  "${PROJECT_SOURCE_DIR}/packaging/debian/postinst;${PROJECT_SOURCE_DIR}/packaging/debian/prerm;${PROJECT_SOURCE_DIR}/packaging/debian/postrm;${PROJECT_SOURCE_DIR}/packaging/debian/conffiles")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME fupin-township-client)
set(CPACK_DEBIAN_CLIENT_DESCRIPTION "township-client and township-desktop, the command-line client and the Qt 6 window a township office enters, reviews and follows the county's household archive with, over mutual TLS.")
# The window's platform plugins (xcb) and Chinese text; Qt's own dialogs in Chinese.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-wqy-microhei")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n")
include(CPack)
