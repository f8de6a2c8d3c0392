# `cmake --install` and `cpack -G DEB`: the axisview executable, the generated demo site, a man
# page generated from the CLI's help, the desktop entry and its icon, and the kiosk's systemd user
# unit. Nothing else in the tree installs (tests, the demo generator and the benchmarks stay in the
# build tree). Shaders are embedded in the executable; fonts come from fonts-noto-cjk.
include(GNUInstallDirs)

# viewer/demo_site.cpp finds the installed demo at BINDIR/../share/axisview/demo.
if(NOT CMAKE_INSTALL_BINDIR STREQUAL "bin" OR NOT CMAKE_INSTALL_DATADIR STREQUAL "share")
  message(WARNING "axisview looks for its demo site in ../share/axisview/demo beside bin/: with "
                  "BINDIR=${CMAKE_INSTALL_BINDIR} and DATADIR=${CMAKE_INSTALL_DATADIR} it needs AXIS_DEMO_SITE")
endif()
set(AXIS_DEMO_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/axisview/demo)

install(TARGETS axisview RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Only what tools/demo_site writes: a curator's autosaves or backups in the build's demo stay there.
install(FILES ${AXIS_DEMO_DIR}/central-axis.site.json ${AXIS_DEMO_DIR}/central-axis.pois.json
        DESTINATION ${AXIS_DEMO_INSTALL_DIR})
install(DIRECTORY ${AXIS_DEMO_DIR}/models DESTINATION ${AXIS_DEMO_INSTALL_DIR} FILES_MATCHING PATTERN "*.glb")
# Its sound, made at build time: the music bed, and narration when espeak-ng was there.
install(DIRECTORY ${AXIS_DEMO_DIR}/audio ${AXIS_DEMO_DIR}/narration DESTINATION ${AXIS_DEMO_INSTALL_DIR}
        OPTIONAL FILES_MATCHING PATTERN "*.wav")
# The UI's string catalogues, one per language; viewer/ui/text.cpp finds them at BINDIR/../share/axisview/i18n.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/i18n/ DESTINATION ${CMAKE_INSTALL_DATADIR}/axisview/i18n
        FILES_MATCHING PATTERN "*.json")

# The man page, rebuilt whenever the executable is (its help text is the source).
find_program(GZIP gzip REQUIRED)
set(AXIS_MAN_PAGE ${CMAKE_BINARY_DIR}/man/axisview.1.gz)
add_custom_command(
  OUTPUT ${AXIS_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -DAXISVIEW=$<TARGET_FILE:axisview> -DGZIP=${GZIP} -DOUT=${AXIS_MAN_PAGE}
          -P ${PROJECT_SOURCE_DIR}/cmake/write_man_page.cmake
  DEPENDS axisview ${PROJECT_SOURCE_DIR}/cmake/write_man_page.cmake
  COMMENT "Man page from axisview --help"
  VERBATIM)
add_custom_target(axis_man_page ALL DEPENDS ${AXIS_MAN_PAGE})
install(FILES ${AXIS_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES ${PROJECT_SOURCE_DIR}/packaging/axisview.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/axisview.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The kiosk unit names the installed executable and demo site by absolute path, and the prefix is
# known only at install time (`cmake --install --prefix X` overrides the configured one), so the
# unit is written then. The scratch copy is per prefix: two installs may run at once (the test).
install(CODE "
  set(AXISVIEW \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/axisview\")
  set(DEMO_SITE \"\${CMAKE_INSTALL_PREFIX}/${AXIS_DEMO_INSTALL_DIR}/central-axis.site.json\")
  string(MD5 prefix_hash \"\${CMAKE_INSTALL_PREFIX}\")
  set(unit \"${CMAKE_BINARY_DIR}/packaging/\${prefix_hash}/axisview-kiosk.service\")
  configure_file(\"${PROJECT_SOURCE_DIR}/packaging/axisview-kiosk.service.in\" \"\${unit}\" @ONLY)
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/lib/systemd/user\" TYPE FILE FILES \"\${unit}\")
")

# The Debian package. CPACK_SET_DESTDIR: CPack installs with CMAKE_INSTALL_PREFIX=/usr under a
# DESTDIR, so the unit written above names /usr/bin/axisview rather than CPack's staging folder.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME axisview)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(AXIS_PACKAGE_MAINTAINER "axisview maintainers <maintainers@users.noreply.r-seed-894d15c4.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${AXIS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "viewer for scanned cultural-heritage sites (Vulkan)")
# The summary is the Description's first line; CPack indents these lines below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "axisview opens photogrammetry and laser scans (glTF/GLB, OBJ, PLY, FBX, STL,
COLLADA, LAS, 3D Tiles), composes them into sites, and lets visitors walk
through them, curators annotate them and media staff record flythroughs. It
renders headlessly too, and runs unattended as a touch-screen kiosk.

Includes the built-in Central Axis (Beijing) demo site.")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_SET_DESTDIR ON)
# The libraries the executable links (libvulkan1 among them) come from dpkg-shlibdeps; these are
# what it needs at run time without linking them: a Vulkan driver (lavapipe will do) and the CJK
# font of the UI.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "mesa-vulkan-drivers | vulkan-icd, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "vulkan-validationlayers")
# A RelWithDebInfo executable is mostly debug information.
set(CPACK_STRIP_FILES ON)
include(CPack)
