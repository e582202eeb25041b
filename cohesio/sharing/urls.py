from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("cooperation/", views.cooperation, name="cooperation"),
    path("cooperation/matrix/", views.matrix, name="matrix"),
    path("cooperation/agreement/sign/", views.agreement_sign_page, name="agreement_sign"),
    path("cooperation/agreement/in-force/", views.agreement_in_force, name="agreement_in_force"),
    path("cooperation/agreement/from-template/", views.agreement_template, name="agreement_template"),
    path("network/me/information/", views.my_information_types, name="my_information_types"),
]
